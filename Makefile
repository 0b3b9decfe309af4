# dkq: build, run, test, benchmark. `make shell` and `make test` are the two commands a new user needs.
.PHONY: shell test bench deps data release fuzz

deps:
	@pkg-config --exists libedit 2>/dev/null || [ -f /usr/include/histedit.h ] || \
	  { echo "installing libedit-dev"; (apt-get update -qq && apt-get install -y -qq libedit-dev) >/dev/null; }

release: deps
	swift build -c release --product dkq

shell: release
	.build/release/dkq

test: deps
	swift build --product dkq
	swift test

data:
	swift run DemoGenerator datasets

bench: release
	bash bench/run.sh

# libFuzzer on the query engine and every importer: FUZZ_SECONDS per target (default 60),
# FUZZ_TARGETS to pick some (query talportal pcaxis statbank comments outcomes sagsemne).
FUZZ_SECONDS ?= 60
fuzz:
	bash Fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)
