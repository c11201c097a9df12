#!/bin/sh
# Makes the base image the service's image is built on: a Java 17 runtime and the libraries it
# loads, unpacked from Debian 12's own packages, with a non-root user and nothing else (no shell,
# no package manager). The result is a tarball in `docker save` layout that Jib reads with a
# tar:// reference, so no registry and no Docker daemon are involved.
#
#   deploy/image/build-base.sh            # writes deploy/image/build/base-jre17.tar
#
# Needs apt-get (Debian's package lists, `apt-get update` once), dpkg-deb, tar, sha256sum.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out="$here/build"
root="$out/rootfs"
debs="$out/debs"
uid=10001

# openjdk-17-jre-headless and what its libraries link to: libjvm and the core libraries need only
# the C and C++ runtimes and zlib; the font manager (used when minutes are rendered to PDF) needs
# FreeType and HarfBuzz, which bring GLib. Colour management and JPEG are for image decoding.
packages="libc6 libgcc-s1 libstdc++6 gcc-12-base zlib1g
  openjdk-17-jre-headless
  libfreetype6 libpng16-16 libbrotli1 libbz2-1.0 libharfbuzz0b libgraphite2-3
  libglib2.0-0 libffi8 libpcre2-8-0 libmount1 libblkid1 libselinux1
  liblcms2-2 libjpeg62-turbo
  netbase tzdata"

rm -rf "$root" "$debs"
mkdir -p "$root" "$debs"
(cd "$debs" && apt-get download $packages)
for deb in "$debs"/*.deb; do
    dpkg-deb -x "$deb" "$root"
done

jre=/usr/lib/jvm/java-17-openjdk-amd64
# Debian's maintainer scripts are not run: do by hand the two things they would do for Java.
mkdir -p "$root/usr/bin" "$root/etc/ssl/certs/java"
ln -sf "$jre/bin/java" "$root/usr/bin/java"
if [ -f /etc/ssl/certs/java/cacerts ]; then
    # The trust store of the build host's Debian (the same CA list), for TLS to the database.
    cp /etc/ssl/certs/java/cacerts "$root/etc/ssl/certs/java/cacerts"
else
    echo "warning: no /etc/ssl/certs/java/cacerts on this host; TLS needs a trust store mounted" >&2
fi

# The user the service runs as, and the only places it may write.
cat > "$root/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/usr/sbin/nologin
bestplace:x:$uid:$uid:Bestplace:/deployments:/usr/sbin/nologin
PASSWD
cat > "$root/etc/group" <<GROUP
root:x:0:
bestplace:x:$uid:
GROUP
mkdir -p "$root/tmp" "$root/deployments/data"
chmod 1777 "$root/tmp"
chown -R "$uid:$uid" "$root/deployments"

# What is not needed at run time.
rm -rf "$root/usr/share/doc" "$root/usr/share/man" "$root/usr/share/info" "$root/usr/share/lintian" \
    "$root/usr/share/locale"

# One layer, reproducible: sorted names, fixed times and owners from the tree.
layer="$out/layer.tar"
tar --sort=name --mtime='2026-01-01 00:00:00Z' --numeric-owner -C "$root" -cf "$layer" .
diff_id="sha256:$(sha256sum "$layer" | cut -d' ' -f1)"

cat > "$out/config.json" <<CONFIG
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=$jre/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$jre","LANG=C.UTF-8"],
   "User":"$uid:$uid","WorkingDir":"/deployments"},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"2026-01-01T00:00:00Z","created_by":"deploy/image/build-base.sh: Debian 12 packages $(echo $packages | tr '\n' ' ')"}]}
CONFIG
cat > "$out/manifest.json" <<MANIFEST
[{"Config":"config.json","RepoTags":["bestplace-base:jre17"],"Layers":["layer.tar"]}]
MANIFEST

tar -C "$out" -cf "$out/base-jre17.tar" manifest.json config.json layer.tar
rm -f "$layer"
echo "base image: $out/base-jre17.tar ($(du -h "$out/base-jre17.tar" | cut -f1), $(ls "$debs" | wc -l) packages)"
"$root$jre/bin/java" -version 2>&1 | head -1 || true
