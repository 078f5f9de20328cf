#!/usr/bin/env bash
# Fetch the reference doveconf binaries (Debian's dovecot-core 2.3.19.1 from
# bookworm and 2.4.1 from trixie) into a private cache folder, together with
# the Depends closure of dovecot-core of the same release (libc6, libssl, ...),
# so that each doveconf can be run with its own dynamic loader and libraries
# without installing Dovecot on this machine (see scripts/doveconf).
#
#   scripts/fetch-doveconf.sh            # cache: $DOVECONF_CACHE or <repo>/.cache/doveconf
#   DOVECONF_CACHE=/some/dir scripts/fetch-doveconf.sh
#   scripts/fetch-doveconf.sh --force    # re-download and re-unpack
#
# Layout of the cache (per version V in 2.3, 2.4):
#   V/apt/...        private apt configuration and state (lists and .debs are
#                    deleted once unpacked)
#   V/root/          every .deb of the closure unpacked with `dpkg-deb -x`
#                    (except other dovecot-* packages such as dovecot-sieve,
#                    so that only dovecot-core is present, as in the corpus)
#   V/ld.so          symlink to the loader inside V/root
#   V/packages.txt   package=version list that was unpacked
#   V/.complete      stamp; when both stamps exist the script is a quick no-op
#
# The machine's own apt state is never touched: apt runs with a private
# Dir::State / Dir::Cache / sources list. The Debian mirror and the security
# mirror are read at run time from this machine's apt sources
# (/etc/apt/sources.list and /etc/apt/sources.list.d/*.list|*.sources);
# override with DOVECONF_DEBIAN_MIRROR / DOVECONF_SECURITY_MIRROR if needed.
# Exact package versions can be forced with DOVECONF_23_VERSION /
# DOVECONF_24_VERSION (Debian version strings, e.g. 1:2.4.1+dfsg1-6+deb13u7).
set -euo pipefail

die() { echo "fetch-doveconf: ERROR: $*" >&2; exit 1; }
say() { echo "fetch-doveconf: $*" >&2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
cache=${DOVECONF_CACHE:-$repo/.cache/doveconf}
force=0
for a in "$@"; do
  case $a in
    --force) force=1 ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) die "unknown argument: $a" ;;
  esac
done

if [ "$force" = 0 ] && [ -f "$cache/2.3/.complete" ] && [ -f "$cache/2.4/.complete" ]; then
  say "cache complete: $cache (use --force to refresh)"
  exit 0
fi

[ "$(dpkg --print-architecture 2>/dev/null || true)" = amd64 ] || \
  say "warning: host architecture is not amd64; the binaries are amd64"
for t in apt-get apt-cache dpkg-deb; do
  command -v "$t" >/dev/null || die "$t not found (this script needs a Debian system with apt)"
done

# ---------------------------------------------------------------------------
# Mirror discovery from the machine's own apt sources.
# Prints lines "URI<TAB>SUITE<TAB>SIGNED-BY" for every enabled deb entry.
list_sources() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    # one-line format: deb [opts] URI SUITE COMPONENTS...
    awk '
      /^[ \t]*deb[ \t]/ {
        line=$0; sub(/#.*/, "", line); n=split(line, w, /[ \t]+/)
        i=1; while (i<=n && w[i]=="") i++
        i++                                   # skip "deb"
        signed=""
        if (w[i] ~ /^\[/) {                   # options [ ... ]
          while (i<=n) {
            o=w[i]; gsub(/[\[\]]/, "", o)
            if (o ~ /^signed-by=/) { signed=o; sub(/^signed-by=/, "", signed) }
            if (w[i] ~ /\]$/) { i++; break }
            i++
          }
        }
        uri=w[i]; suite=w[i+1]
        if (uri != "" && suite != "") print uri "\t" suite "\t" signed
      }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    # deb822 format: stanzas separated by blank lines
    awk '
      function flush() {
        if (types ~ /(^|[ \t])deb([ \t]|$)/ && tolower(enabled) != "no")
          for (u=1; u<=nu; u++) for (s=1; s<=ns; s++) print uris[u] "\t" suites[s] "\t" signed
        types=""; enabled=""; signed=""; nu=0; ns=0
      }
      BEGIN { flush() }
      /^[ \t]*#/ { next }
      /^[ \t]*$/ { flush(); next }
      {
        key=$0; sub(/:.*/, "", key); key=tolower(key); val=$0; sub(/^[^:]*:[ \t]*/, "", val)
        if (key=="types") types=val
        else if (key=="enabled") enabled=val
        else if (key=="signed-by" && val !~ /^-----/) signed=val
        else if (key=="uris") nu=split(val, uris, /[ \t]+/)
        else if (key=="suites") ns=split(val, suites, /[ \t]+/)
      }
      END { flush() }' "$f"
  done
}

sources=$(list_sources | awk -F'\t' '$1 ~ /^(https?|file|ftp):/' || true)
[ -n "$sources" ] || die "no apt sources found in /etc/apt/sources.list{,.d/*}"

# Debian archive: the URI that serves bookworm / bookworm-updates (or trixie).
debian_mirror=${DOVECONF_DEBIAN_MIRROR:-$(printf '%s\n' "$sources" |
  awk -F'\t' '$2 ~ /^(bookworm|bookworm-updates|bookworm-backports|trixie|trixie-updates|stable|oldstable)$/ {print $1; exit}')}
security_mirror=${DOVECONF_SECURITY_MIRROR:-$(printf '%s\n' "$sources" |
  awk -F'\t' '$2 ~ /-security$/ {print $1; exit}')}
keyring=$(printf '%s\n' "$sources" |
  awk -F'\t' -v m="$debian_mirror" '$1==m && $3 ~ /^\// {print $3; exit}')
[ -n "$debian_mirror" ] || die "could not find the Debian archive URI in the apt sources (set DOVECONF_DEBIAN_MIRROR)"
if [ -z "$security_mirror" ]; then
  case $debian_mirror in
    */debian|*/debian/) security_mirror=${debian_mirror%/}-security ;;
  esac
  [ -n "$security_mirror" ] && say "warning: no *-security source configured; guessing $security_mirror"
fi
[ -n "$keyring" ] && [ -f "$keyring" ] || keyring=/usr/share/keyrings/debian-archive-keyring.gpg
say "Debian mirror:   $debian_mirror"
say "security mirror: ${security_mirror:-(none)}"
say "keyring:         $keyring"
say "cache:           $cache"

# ---------------------------------------------------------------------------
# fetch_version VERSION CODENAME UPSTREAM-PREFIX
fetch_version() {
  local ver=$1 codename=$2 upstream=$3 pin=$4
  local d=$cache/$ver a=$cache/$ver/apt
  rm -f "$d/.complete"
  mkdir -p "$a/etc" "$a/state/lists/partial" "$a/cache/archives/partial" "$a/archives/partial"
  : >"$a/state/status"     # empty dpkg status: resolve the full closure
  local APT=(-o Dir::Etc::SourceList="$a/etc/sources.list"
             -o Dir::Etc::SourceParts=/dev/null
             -o Dir::Etc::Preferences=/dev/null
             -o Dir::Etc::PreferencesParts=/dev/null
             -o Dir::State="$a/state"
             -o Dir::State::status="$a/state/status"
             -o Dir::Cache="$a/cache"
             -o Dir::Cache::archives="$a/archives"
             -o APT::Architecture=amd64
             -o APT::Architectures::=amd64
             -o APT::Install-Recommends=false
             -o APT::Install-Suggests=false
             -o Debug::NoLocking=true)
  write_list() { # $1: extra option ("" or "trusted=yes ")
    {
      echo "# generated by scripts/fetch-doveconf.sh from this machine's apt sources"
      echo "deb [${1}signed-by=$keyring] $debian_mirror $codename main"
      echo "deb [${1}signed-by=$keyring] $debian_mirror $codename-updates main"
      [ -z "$security_mirror" ] || echo "deb [${1}signed-by=$keyring] $security_mirror $codename-security main"
    } >"$a/etc/sources.list"
  }
  write_list ""
  say "[$ver] apt-get update ($codename, private state in $a)"
  if ! apt-get "${APT[@]}" -q update >"$a/update.log" 2>&1 || grep -qE '^(E|W): ' "$a/update.log"; then
    if grep -qiE 'NO_PUBKEY|not signed|signature|EXPKEYSIG|KEYEXPIRED|GPG error' "$a/update.log"; then
      # The host's debian-archive-keyring may predate the $codename keys.
      # Only for this private, throw-away cache (never for the host's apt)
      # we then skip signature verification with [trusted=yes].
      say "[$ver] warning: signature check failed with $keyring; retrying with [trusted=yes] for this private cache only"
      write_list "trusted=yes "
      apt-get "${APT[@]}" -q update >"$a/update.log" 2>&1 || { cat "$a/update.log" >&2; die "[$ver] apt-get update failed"; }
    elif grep -qE '^E: ' "$a/update.log"; then
      cat "$a/update.log" >&2; die "[$ver] apt-get update failed"
    fi
  fi

  # Choose the newest dovecot-core of upstream version $upstream.
  local pkgver
  if [ -n "$pin" ]; then
    pkgver=$pin
  else
    pkgver=$(apt-cache "${APT[@]}" madison dovecot-core | awk -F'|' '{gsub(/ /,"",$2); print $2}' |
             grep -E "^(1:)?${upstream//./\\.}\+" | head -n1 || true)
  fi
  [ -n "$pkgver" ] || { apt-cache "${APT[@]}" madison dovecot-core >&2 || true
                        die "[$ver] no dovecot-core $upstream found in $codename"; }
  say "[$ver] dovecot-core=$pkgver: resolving the Depends closure"
  local uris
  # (--print-uris omits what is already in the archives dir: point it at an empty one)
  rm -rf "$a/empty"; mkdir -p "$a/empty/partial"
  uris=$(apt-get "${APT[@]}" -o Dir::Cache::archives="$a/empty" -qq -y --print-uris install "dovecot-core=$pkgver" 2>&1) ||
    { echo "$uris" >&2; die "[$ver] cannot resolve dovecot-core=$pkgver"; }
  local files
  files=$(printf '%s\n' "$uris" | awk '/^'\''/ {print $2}')
  [ -n "$files" ] || die "[$ver] empty package list"
  say "[$ver] downloading $(printf '%s\n' "$files" | wc -l) packages"
  apt-get "${APT[@]}" -q -y --download-only install "dovecot-core=$pkgver" >"$a/download.log" 2>&1 ||
    { cat "$a/download.log" >&2; die "[$ver] download failed"; }

  say "[$ver] unpacking into $d/root"
  rm -rf "$d/root.new"
  mkdir -p "$d/root.new"
  : >"$d/packages.txt.new"
  local f pkg
  while IFS= read -r f; do
    [ -f "$a/archives/$f" ] || die "[$ver] missing $a/archives/$f"
    pkg=${f%%_*}
    case $pkg in
      dovecot-core) ;;
      dovecot-*) say "[$ver]   skipping $pkg (only dovecot-core is unpacked)"; continue ;;
    esac
    dpkg-deb -x "$a/archives/$f" "$d/root.new"
    echo "$(dpkg-deb -f "$a/archives/$f" Package)=$(dpkg-deb -f "$a/archives/$f" Version)" >>"$d/packages.txt.new"
  done <<<"$files"
  # documentation is of no use here
  rm -rf "$d/root.new/usr/share/"{doc,man,info,locale,lintian,bug}
  rm -rf "$d/root"
  mv "$d/root.new" "$d/root"
  mv "$d/packages.txt.new" "$d/packages.txt"

  local ld=""
  for f in lib64/ld-linux-x86-64.so.2 usr/lib64/ld-linux-x86-64.so.2 \
           lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2; do
    if [ -e "$d/root/$f" ]; then ld=$f; break; fi
  done
  [ -n "$ld" ] || die "[$ver] no dynamic loader found in $d/root"
  ln -sfn "root/$ld" "$d/ld.so"
  [ -x "$d/root/usr/bin/doveconf" ] || die "[$ver] $d/root/usr/bin/doveconf missing"

  # Every NEEDED library must resolve inside the private root.
  local libpath="$d/root/lib/x86_64-linux-gnu:$d/root/usr/lib/x86_64-linux-gnu:$d/root/usr/lib/dovecot"
  local deps
  deps=$("$d/ld.so" --inhibit-cache --library-path "$libpath" --list "$d/root/usr/bin/doveconf" 2>&1) ||
    { echo "$deps" >&2; die "[$ver] doveconf's libraries do not resolve"; }
  if printf '%s\n' "$deps" | grep -E '=>' | grep -v 'ld-linux' | grep -vF "$d/root/" | grep -q .; then
    printf '%s\n' "$deps" >&2; die "[$ver] some libraries resolve outside $d/root"
  fi

  # Banner check.
  local tmp banner
  tmp=$(mktemp -d)
  if [ "$ver" = 2.4 ]; then
    printf 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\nprotocols = imap\n' >"$tmp/t.conf"
  else
    printf 'protocols = imap\n' >"$tmp/t.conf"
  fi
  banner=$(cd "$tmp" && "$d/ld.so" --inhibit-cache --library-path "$libpath" "$d/root/usr/bin/doveconf" -c t.conf -n 2>&1 | head -n1) || true
  rm -rf "$tmp"
  case $banner in
    "# $upstream "*|"# $upstream-"*) say "[$ver] ok: $banner" ;;
    *) die "[$ver] unexpected doveconf banner: $banner" ;;
  esac
  # package lists and .debs are only needed until unpacked: drop them (--force refetches)
  rm -rf "$a/state/lists" "$a/cache/"*.bin "$a/empty" "$a/archives/"*.deb
  echo "dovecot-core=$pkgver" >"$d/.complete"
}

fetch_version 2.3 bookworm 2.3.19.1 "${DOVECONF_23_VERSION:-}"
fetch_version 2.4 trixie 2.4.1 "${DOVECONF_24_VERSION:-}"
say "done: $(du -sh "$cache" 2>/dev/null | cut -f1) in $cache"
