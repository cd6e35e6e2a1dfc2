#!/usr/bin/env bash
# Makes the base images deploy/Dockerfile and Dockerfile.trainer take as build arguments, from this machine
# alone, for builders that reach no container registry (CI here): Debian root filesystems bootstrapped from the
# Debian mirror in apt's own sources, plus this machine's .NET installation. Prints the image names:
#   SDK_IMAGE=...  RUNTIME_IMAGE=...  TRAINER_RUNTIME_IMAGE=...
# RUNTIME_IMAGE is distroless: the .NET runtime's own libraries unpacked, with no shell, apt or dpkg (the service
# image's runtime stage runs no command). TRAINER_RUNTIME_IMAGE (and the SDK) are minimal Debian with apt.
# Needs root, buildah and mmdebstrap. The images are kept and reused by later runs.
set -euo pipefail

dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
runtime_version=$(dotnet --list-runtimes | awk '$1 == "Microsoft.AspNetCore.App" { v = $2 } END { print v }')
suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
runtime_image="localhost/boilerplate-base/aspnet:$runtime_version"
distroless_image="localhost/boilerplate-base/aspnet-distroless:$runtime_version"
sdk_image="localhost/boilerplate-base/sdk:$(dotnet --version)"
sources=
for f in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list; do
  if [[ -f $f ]]; then sources=$f; break; fi
done

exists() { buildah inspect --type image "$1" >/dev/null 2>&1; }

# $1: image to make, $2: base image, remaining: top-level entries of the .NET root to copy.
make_image() {
  local image=$1 from=$2
  shift 2
  local ctr mnt
  ctr=$(buildah from --pull=never "$from")
  mnt=$(buildah mount "$ctr")
  mkdir -p "$mnt/usr/share/dotnet" "$mnt/usr/bin" "$mnt/etc/ssl/certs" "$mnt/usr/local/share/ca-certificates"
  for entry in "$@"; do cp -a "$dotnet_root/$entry" "$mnt/usr/share/dotnet/"; done
  ln -sf /usr/share/dotnet/dotnet "$mnt/usr/bin/dotnet"
  # This machine's trust store (with the CA of a TLS-inspecting proxy, where there is one), so the build's
  # NuGet restore and apt-get reach what the machine itself reaches.
  cp -a /etc/ssl/certs/ca-certificates.crt "$mnt/etc/ssl/certs/ca-certificates.crt"
  if [[ -d /usr/local/share/ca-certificates ]]; then
    cp -a /usr/local/share/ca-certificates/. "$mnt/usr/local/share/ca-certificates/"
  fi
  buildah umount "$ctr" >/dev/null
  buildah config --env DOTNET_ROOT=/usr/share/dotnet --env DOTNET_RUNNING_IN_CONTAINER=true "$ctr"
  buildah commit --quiet --rm "$ctr" "$image" >/dev/null
}

# $1: image to make, remaining: mmdebstrap arguments before the suite.
bootstrap_image() {
  local image=$1 work ctr mnt
  shift
  work=$(mktemp -d)
  mmdebstrap --quiet "$@" "$suite" "$work/rootfs.tar" "$sources" >&2
  ctr=$(buildah from scratch)
  mnt=$(buildah mount "$ctr")
  tar -C "$mnt" -xf "$work/rootfs.tar"
  rm -rf "$work"
  buildah umount "$ctr" >/dev/null
  buildah commit --quiet --rm "$ctr" "$image" >/dev/null
}

if ! exists "$runtime_image"; then
  debian_image="localhost/boilerplate-base/debian:$suite"
  # The .NET runtime's own native dependencies (ICU, OpenSSL) on top of the minimal base.
  if ! exists "$debian_image"; then bootstrap_image "$debian_image" --variant=minbase --include=ca-certificates,libicu72,libssl3; fi
  make_image "$runtime_image" "$debian_image" dotnet host shared LICENSE.txt ThirdPartyNotices.txt
fi
if ! exists "$distroless_image"; then
  libs_image="localhost/boilerplate-base/dotnet-deps:$suite"
  # Only the libraries .NET loads (C and C++ runtimes, ICU, OpenSSL, zlib, time zones), unpacked without their
  # maintainer scripts: no shell, package manager or other tool is left for an intruder to use.
  if ! exists "$libs_image"; then
    bootstrap_image "$libs_image" --variant=extract --include=libc6,libgcc-s1,libstdc++6,libicu72,libssl3,zlib1g,tzdata
  fi
  make_image "$distroless_image" "$libs_image" dotnet host shared LICENSE.txt ThirdPartyNotices.txt
fi
if ! exists "$sdk_image"; then
  make_image "$sdk_image" "$runtime_image" sdk packs sdk-manifests templates
fi

echo "SDK_IMAGE=$sdk_image"
echo "RUNTIME_IMAGE=$distroless_image"
echo "TRAINER_RUNTIME_IMAGE=$runtime_image"
