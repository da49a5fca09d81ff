# Folio: the two commands a newcomer needs on a fresh Debian 12 machine are `make demo` and `make test`.
# Both install the Debian packages that are missing (as root, or through sudo), then build.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Libraries Folio links, the default fonts, hyphenation patterns, and the tools the tests check PDFs with.
DEBS := pkg-config libcairo2-dev libharfbuzz-dev libfreetype-dev libfontconfig-dev libicu-dev libglib2.0-dev \
        libcmark-gfm-dev libcmark-gfm-extensions-dev libhyphen-dev hyphen-en-us hyphen-fr librsvg2-dev \
        libqpdf-dev fonts-noto-core fonts-noto-cjk poppler-utils qpdf unicode-data python3
SAMPLE := Examples/dprk-upr4
OUT := out

.PHONY: all deps build demo test bench clean

all: build

## Install the Debian packages that are missing (and pikepdf, which ../shared/tools/pdfaudit.py needs).
deps:
	@missing=$$(for p in $(DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@python3 -c 'import pikepdf' 2>/dev/null || python3 -m pip install --quiet pikepdf 2>/dev/null || \
	  echo "note: pikepdf not installed; the pdfaudit test will be skipped"

## Build the release binary .build/release/folio.
build: deps
	$(SWIFT) build -c release --product folio

## Render the bundled sample report (every edition) into out/.
demo: build
	.build/release/folio render $(SAMPLE) --output $(OUT)

## Run the test suite (unit, layout and end-to-end tests with poppler and qpdf).
test: deps
	$(SWIFT) test

clean:
	rm -rf .build $(OUT)
