# dkq: build, run, test, benchmark. `make shell` and `make test` are the two commands a new user needs.
.PHONY: shell test bench deps browser-deps data release

deps:
	@pkg-config --exists libedit 2>/dev/null || [ -f /usr/include/histedit.h ] || \
	  { echo "installing libedit-dev"; (apt-get update -qq && apt-get install -y -qq libedit-dev) >/dev/null; }

# The HTML report's browser test: headless Chromium, and python3 to read its screenshot.
browser-deps:
	@command -v chromium >/dev/null && command -v python3 >/dev/null || \
	  { echo "installing chromium, python3"; (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium python3) >/dev/null; }

release: deps
	swift build -c release --product dkq

shell: release
	.build/release/dkq

test: deps browser-deps
	swift build --product dkq
	swift test
	bash Tests/Browser/run.sh

data:
	swift run DemoGenerator datasets

bench: release
	bash bench/run.sh
