# dkq: build, run, test, install, benchmark. `make shell` and `make test` are the two commands a new user needs.
.PHONY: shell test bench deps browser-deps data release install man fuzz

PREFIX ?= /usr/local

deps:
	@pkg-config --exists libedit 2>/dev/null || [ -f /usr/include/histedit.h ] || \
	  { echo "installing libedit-dev"; (apt-get update -qq && apt-get install -y -qq libedit-dev) >/dev/null; }
	@command -v less >/dev/null || { echo "installing less (the pager .last uses)"; (apt-get update -qq && apt-get install -y -qq less) >/dev/null || true; }

# The HTML report's browser test: headless Chromium, and python3 to read its screenshot.
browser-deps:
	@command -v chromium >/dev/null && command -v python3 >/dev/null || \
	  { echo "installing chromium, python3"; (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium python3) >/dev/null; }

# A fully static executable (the Swift runtime, libedit, libc, libstdc++ linked in): no dynamic
# loader, shared-library loading or symbol relocation at any start (about 35 % of a one-query
# run's CPU time at 1x, measured against the static-stdlib-only link).
release: deps
	swift build -c release --product dkq --static-swift-stdlib -Xswiftc -static-executable

shell: release
	.build/release/dkq

# Ends with one line: PASSED or FAILED, with the wall time. The last step renders the HTML report in headless Chromium.
test: deps browser-deps
	@start=$$(date +%s); swift build --product dkq && swift test && bash Tests/Browser/run.sh; status=$$?; secs=$$(( $$(date +%s) - start )); \
	if [ $$status -eq 0 ]; then echo "make test: PASSED in $$secs s"; \
	else echo "make test: FAILED (exit $$status) in $$secs s; the failures are the lines marked ✘ above"; fi; exit $$status

data:
	swift run DemoGenerator datasets

# The man page, generated from the command-line declaration by swift-argument-parser's plugin.
# The plugin builds dkq its own way (without --static-swift-stdlib), so in its own build folder:
# in .build it would replace the release binary and force a full rebuild each time.
man:
	swift package --scratch-path .build-man plugin generate-manual >/dev/null
	@ls .build-man/plugins/GenerateManual/outputs/*/dkq.1

# PREFIX/bin/dkq, its data in PREFIX/share/dkq/datasets, the man page and bash/zsh/fish completions.
install: release man
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/dkq $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 .build/release/dkq $(DESTDIR)$(PREFIX)/bin/dkq
	rm -rf $(DESTDIR)$(PREFIX)/share/dkq/datasets
	cp -R datasets $(DESTDIR)$(PREFIX)/share/dkq/datasets
	install -m 644 .build-man/plugins/GenerateManual/outputs/*/dkq.1 $(DESTDIR)$(PREFIX)/share/man/man1/dkq.1
	.build/release/dkq --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/dkq
	.build/release/dkq --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_dkq
	.build/release/dkq --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/dkq.fish
	@echo "installed $(DESTDIR)$(PREFIX)/bin/dkq (data in $(PREFIX)/share/dkq/datasets, man dkq)"

bench: release
	bash bench/run.sh

# libFuzzer on the query engine and every importer: FUZZ_SECONDS per target (default 60),
# FUZZ_TARGETS to pick some (query talportal pcaxis statbank comments outcomes sagsemne),
# FUZZ_TIMEOUT the seconds one input may take (default 10; the build is unoptimised).
FUZZ_SECONDS ?= 60
fuzz:
	bash Fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)
