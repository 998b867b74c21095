# dti — build, test, run.  See README.md.
#   make          build build/dti (release flags, warnings on)
#   make run      install what is missing, build, create the demo data and serve it
#   make test     all tests: unit (cmocka), command line, extraction, API, browser
#   make check    the same tests built with -Werror, ASan and UBSan
#   make test-dated  the date-sensitive tests under fixed instants (tests/dated.sh)
#   make test-pg  the store, unit, CLI and API tests against a throwaway PostgreSQL (tests/run-pg.sh)
#   make fuzz     build the libFuzzer targets and run each for FUZZ_SECONDS
#   make soak     the long kill -9 durability test (SOAK_RUNS runs, default 20)
O        ?= build
CC       ?= cc
PKGS      = libmicrohttpd jansson libsodium libutf8proc md4c libxml-2.0 libzip xlsxwriter sqlite3 libpq zlib libcrypto
WARN      = -Wall -Wextra -Wshadow -Wpointer-arith -Wstrict-prototypes -Wmissing-prototypes \
            -Wno-unused-parameter -Wformat=2 -Wvla
CFLAGS   ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) $(EXTRA_CFLAGS) \
             -Isrc -I$(O)/gen $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS      = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm
DEPS_STAMP = build/.deps

LIB_SRC   = $(filter-out src/cli/main.c,$(wildcard src/*/*.c src/*/*/*.c))
LIB_OBJ   = $(patsubst src/%.c,$(O)/obj/%.o,$(LIB_SRC)) $(O)/obj/gen/embed.o
EMBED_IN  = $(sort $(wildcard sql/*/*.sql) $(shell find web -type f \( -name '*.html' -o -name '*.css' -o -name '*.js' -o -name '*.svg' -o -name '*.png' -o -name '*.ico' \) -not -path 'web/node_modules/*' -not -path 'web/tests/*' 2>/dev/null) \
              $(wildcard samples/*.md) $(wildcard templates/*/*.xml))
# Installed by npm ci (scripts/deps.sh), possibly after this Makefile was read: named, not globbed.
EMBED_LATE = web/node_modules/chart.js/dist/chart.umd.js
UNIT_SRC  = $(wildcard tests/unit/test_*.c)
UNIT_BIN  = $(patsubst tests/unit/%.c,$(O)/tests/%,$(UNIT_SRC))

.PHONY: all run test test-dated test-pg check fuzz clean deps unit soak lint-layers
all: $(O)/dti

$(DEPS_STAMP): scripts/deps.sh $(wildcard web/package-lock.json)
	@mkdir -p build
	@bash scripts/deps.sh

deps:
	bash scripts/deps.sh

$(O)/obj/%.o: src/%.c $(DEPS_STAMP) $(wildcard src/*/*.h src/*/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(O)/gen/embed.c: scripts/embed.sh $(EMBED_IN) $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	bash scripts/embed.sh $@ $(EMBED_IN) $(EMBED_LATE)

$(O)/obj/gen/embed.o: $(O)/gen/embed.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(O)/libdti.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(O)/dti: src/cli/main.c $(O)/libdti.a
	$(CC) $(ALL_CFLAGS) $< $(O)/libdti.a $(LIBS) -o $@

lint-layers:
	bash scripts/lint-layers.sh

$(O)/tests/%: tests/unit/%.c $(O)/libdti.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $< $(O)/libdti.a $(LIBS) -lcmocka -o $@

unit: $(UNIT_BIN)

test: $(O)/dti $(UNIT_BIN)
	@O=$(O) bash tests/run.sh

test-dated: $(O)/dti
	@O=$(O) bash tests/dated.sh

test-pg: $(O)/dti $(UNIT_BIN)
	@O=$(O) bash tests/run-pg.sh

check:
	$(MAKE) O=build/check CC=clang CFLAGS="-O1 -g -fno-omit-frame-pointer" \
	  EXTRA_CFLAGS="-Werror -fsanitize=address,undefined -fno-sanitize-recover=all" test

SOAK_RUNS ?= 20
soak: $(O)/dti
	RUNS=$(SOAK_RUNS) DTI=$(CURDIR)/$(O)/dti bash tests/cli/durability.sh

FUZZ_SECONDS ?= 30
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
fuzz: $(DEPS_STAMP)
	$(MAKE) O=build/fuzz CC=clang CFLAGS="-O1 -g" EXTRA_CFLAGS="-fsanitize=fuzzer-no-link,address,undefined" build/fuzz/libdti.a
	@mkdir -p build/fuzz/bin
	@set -e; for f in $(FUZZ_SRC); do n=$$(basename $$f .c); \
	  clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -g -fsanitize=fuzzer,address,undefined -Isrc $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $$f build/fuzz/libdti.a $(LIBS) -o build/fuzz/bin/$$n; \
	  mkdir -p tests/fuzz/corpus/$$n build/fuzz/work/$$n; \
	  echo "fuzz: $$n for $(FUZZ_SECONDS)s"; \
	  build/fuzz/bin/$$n -max_total_time=$(FUZZ_SECONDS) -max_len=200000 -rss_limit_mb=2048 build/fuzz/work/$$n tests/fuzz/corpus/$$n; done

run: $(O)/dti
	@bash scripts/run.sh $(O)/dti

clean:
	rm -rf build
