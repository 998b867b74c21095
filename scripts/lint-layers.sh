#!/usr/bin/env bash
# lint-layers.sh — hold the layers of docs/internals/README.md by the
# #include lines and by where SQL text lives (make lint-layers; make test).
#
#   base/    includes nothing of dti's above it
#   core/    base/ only
#   import/, export/   base/, core/ and themselves
#   store/   base/, core/, store/ (no rules, no entry points)
#   app/     anything but cli/ and http/
#   cli/, http/   app/, base/, core/, import/, export/ and themselves: never
#            store/ (the one way into app/ is the context of app/app.h)
# and: no SQL text outside src/store/ (a string literal that starts a
# statement: SELECT, INSERT, UPDATE, DELETE, WITH, CREATE, PRAGMA...).
#
# Prints each breach as FILE:LINE: what, and exits 1 when there is one.
set -u
cd "$(dirname "$0")/.."
bad=0
allow() {   # allow LAYER ALLOWED...: every dti include of LAYER's files names an allowed layer
    local layer=$1; shift
    local re
    re="^#include \"($(IFS='|'; echo "$*"))/"
    while IFS= read -r hit; do
        file=${hit%%:*}; rest=${hit#*:}; line=${rest%%:*}; text=${rest#*:}
        inc=$(sed -E 's/^#include "([^"]*)".*/\1/' <<<"$text")
        case $inc in */*) ;; *) continue ;; esac       # a local header of the same folder
        if ! grep -Eq "$re" <<<"$text"; then
            echo "$file:$line: $layer/ must not include \"$inc\""
            bad=1
        fi
    done < <(grep -rnE '^#include "' "src/$layer" --include='*.[ch]' | sed -E 's/^([^:]*):([0-9]+):/\1:\2:/')
}
allow base base
allow core base core
allow import base core import
allow export base core export
allow store base core store
allow app base core import export store app
allow cli base core import export app cli http
allow http base core import export app http

# SQL text outside store/: a string literal opening a statement.
sql='"[[:space:]]*(SELECT|INSERT[[:space:]]+(OR[[:space:]]+[A-Z]+[[:space:]]+)?INTO|UPDATE[[:space:]]+[a-z_]+[[:space:]]+SET|DELETE[[:space:]]+FROM|WITH[[:space:]]+[a-z_]+[[:space:]]*(\(|AS)|CREATE[[:space:]]+(TABLE|INDEX|TRIGGER|VIEW)|PRAGMA|BEGIN|COMMIT|ROLLBACK)\b'
while IFS= read -r hit; do
    echo "${hit%%:*}:$(cut -d: -f2 <<<"$hit"): SQL text outside src/store/"
    bad=1
done < <(grep -rnE "$sql" src --include='*.[ch]' | grep -v '^src/store/')

# Entry points call no store function (they may reach one through a
# header of app/ that includes store/ for its types).
while IFS= read -r hit; do
    echo "${hit%%:*}:$(cut -d: -f2 <<<"$hit"): cli/ and http/ call app/, not the store"
    bad=1
done < <(grep -rnE '\bstore_[a-z_]+[[:space:]]*\(' src/cli src/http --include='*.[ch]' | grep -vE ':[0-9]+:[[:space:]]*(/?\*|//)')

if [ $bad -ne 0 ]; then
    echo "lint-layers: the layers are breached (scripts/lint-layers.sh says what each may include)" >&2
    exit 1
fi
echo "lint-layers: ok"
