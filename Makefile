# pamyat — make rules
#
#   make demo    install system libraries if missing (Debian), build in release, run the main job
#                on the sample documents in memories/samples/ against the default memory
#   make test    install the test packages if missing (deps; postgresql: the PostgreSQL tests start a
#                throwaway cluster of its server in a temporary folder; chromium and chromium-driver), then run
#                the test suite (swift test) and the web page's browser test (tools/web/browser-test.sh)
#   make bench   build the benchmarks under tools/ in release and print their figures
#   make align-eval  score `pamyat align` on the paragraph-aligned documentation sets, dev and test split (docs/ALIGNMENT.md)
#   make build   release build of the pamyat executable (.build/release/pamyat)
#   make deps    install the Debian packages pamyat needs (libicu-dev libsqlite3-dev libxml2-dev libxml2-utils pkg-config)
#   make fuzz    build the libFuzzer targets (tools/fuzz) and run each for FUZZ_SECONDS (60) seconds;
#                FUZZ_TARGETS picks some (xml-reader tmx xliff request lines html segmenter); docs/FUZZING.md
#   make web-test  the web page's browser test alone (headless chromium + selenium; tools/web/browser-test.sh)
#   make xliff-check  pre-translate the demo's new release to XLIFF and read it back with translate-toolkit (PyPI, venv)
#   make format  check formatting with swift-format (from the toolchain)
#   make clean   remove build products

SWIFT ?= swift
DEBIAN_PACKAGES = libicu-dev libsqlite3-dev libxml2-dev libxml2-utils pkg-config
# What the tests need besides: PostgreSQL's server programs (initdb, pg_ctl) and the OASIS XLIFF schemas
# (php-symfony-translation ships them; XLIFFSchemaTests validates pretranslate's output), and chromium with
# its driver for the web page's browser test (tools/web/browser-test.sh); `make demo` does without.
TEST_DEBIAN_PACKAGES = $(DEBIAN_PACKAGES) postgresql php-symfony-translation chromium chromium-driver
PAMYAT = .build/release/pamyat

.PHONY: web-test demo test bench build deps test-deps install-packages format clean align-eval fuzz xliff-check

deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(DEBIAN_PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(TEST_DEBIAN_PACKAGES)"

install-packages:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product pamyat

demo: build
	@PAMYAT=$(PAMYAT) bash tools/demo.sh

test: test-deps
	$(SWIFT) test
	bash tools/web/browser-test.sh .build/debug/pamyat

bench: deps
	$(SWIFT) build -c release --package-path tools --product pamyat-bench
	tools/.build/release/pamyat-bench all

align-eval: build
	python3 tools/align-eval/make_docs.py .build/align-eval-generated --count 24 --seed 1
	@echo "dev split (tuned on): the hand-written fixtures, tools/align-eval/dev-docs and the generated pages"
	python3 tools/align-eval/evaluate.py --pamyat $(PAMYAT) Tests/PamyatAlignTests/Fixtures/docs tools/align-eval/dev-docs .build/align-eval-generated
	@echo "test split (held back: report, do not tune on): tools/align-eval/test-docs"
	python3 tools/align-eval/evaluate.py --pamyat $(PAMYAT) tools/align-eval/test-docs
	@echo "dev shapes scored apart: tables, dialogs and references (seed 7); menu paths, signatures and procedures (seed 9)"
	python3 tools/align-eval/make_docs.py .build/align-eval-tables --count 12 --seed 7 --kinds table,dialog,reference
	python3 tools/align-eval/evaluate.py --pamyat $(PAMYAT) .build/align-eval-tables
	python3 tools/align-eval/make_docs.py .build/align-eval-menus --count 12 --seed 9 --kinds menupath,signature,procedure
	python3 tools/align-eval/evaluate.py --pamyat $(PAMYAT) .build/align-eval-menus

FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= xml-reader tmx xliff request lines html segmenter

fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_TARGETS="$(FUZZ_TARGETS)" bash tools/fuzz/run.sh

web-test:
	$(SWIFT) build --product pamyat
	bash tools/web/browser-test.sh .build/debug/pamyat

xliff-check: build
	bash tools/xliff/check.sh $(PAMYAT)

format:
	$(SWIFT) format lint --recursive Sources Tests tools/Sources

clean:
	rm -rf .build tools/.build .build-fuzz
