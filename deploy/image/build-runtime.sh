#!/usr/bin/env bash
# Builds the Java runtime layer of the container image into $1 (examples/target/image-runtime), for Jib to add on an
# empty base image: a jlink'ed JRE of the build's own JDK (java.se + what Netty, Hazelcast and TLS need), the shared
# libraries it links (glibc, zlib, libstdc++ …, taken from the build machine with ldd), a /tmp and an /app/data the
# non-root user can write, and the user in /etc/passwd. Why not a base image from a registry: the build must work
# with Maven Central as its only registry (no Docker Hub, no daemon). Called by examples' pom at `package`.
set -euo pipefail
out="$1"
rm -rf "$out"
mkdir -p "$out"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jlink="$java_home/bin/jlink"
[ -x "$jlink" ] || jlink="$(command -v jlink)"
"$jlink" --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.zipfs,jdk.localedata \
  --include-locales=en --strip-debug --no-header-files --no-man-pages \
  --output "$out/opt/java"

# every shared library the runtime's binaries and libraries need, with the dynamic loader, at their own paths —
# except those of AWT/Java2D (java.desktop comes with java.se but a headless server never loads them: X11, fonts)
libs=$( { find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) \
          ! -name 'libawt*' ! -name 'libfontmanager.so' ! -name 'libjavajpeg.so' ! -name 'liblcms.so' \
          ! -name 'libsplashscreen.so' ! -name 'libjawt.so' ! -name 'libjsound.so' ! -name 'libmlib_image.so' -print0 \
          | xargs -0 -n 50 ldd 2>/dev/null || true; } \
        | awk '/=> \// {print $3} /^\t\/lib/ {print $1}' | grep -v "^$out/" | sort -u)
# plus what native code in the application's jars links (sqlite-jdbc: libdl, libpthread — stubs in glibc 2.34+,
# but its library still names them) and the resolver's modules
gnu=/lib/x86_64-linux-gnu
for lib in $libs /lib64/ld-linux-x86-64.so.2 $gnu/libdl.so.2 $gnu/libpthread.so.0 $gnu/librt.so.1 \
           $gnu/libnss_files.so.2 $gnu/libnss_dns.so.2 $gnu/libresolv.so.2; do
  [ -e "$lib" ] || continue
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
# the loader finds libraries under /lib/x86_64-linux-gnu through this cache-free path list
mkdir -p "$out/etc"
printf '/lib/x86_64-linux-gnu\n/usr/lib/x86_64-linux-gnu\n' > "$out/etc/ld.so.conf"
printf 'root:x:0:0:root:/root:/sbin/nologin\ntracker:x:10001:10001:order tracker:/app:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\ntracker:x:10001:\n' > "$out/etc/group"
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"
mkdir -p "$out/tmp" "$out/app/data"
echo "image runtime: $(du -sh "$out" | cut -f1) in $out"
