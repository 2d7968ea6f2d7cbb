#!/usr/bin/env bash
# Installs, where missing, the Debian packages that some tests use besides Java and Maven:
#   chromium, chromium-driver                       the report is opened in headless Chromium (ReportBrowserTest)
#   python3-nbconvert, -ipykernel, -pandas, -matplotlib   jobs/notebooks/themes.ipynb is executed (NotebookIT)
#   python3-munkres                                 matplotlib's fonttools needs scipy or munkres: munkres is one small
#                                                   package, scipy brings pythran, boost and the C++ compiler (37 of 126 MB)
# Runs apt-get as root, or through sudo, without recommended packages (they double the install and no test needs
# them). Where neither can, it says what to install and exits 1.
set -euo pipefail
packages=(chromium chromium-driver python3-nbconvert python3-ipykernel python3-pandas python3-munkres python3-matplotlib)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-test-packages: all present"
  exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  if ! command -v sudo > /dev/null || ! sudo -n true 2> /dev/null; then
    echo "install-test-packages: missing ${missing[*]}, and this user cannot install them (not root, no sudo" \
      "without a password). Install them as root, then run the tests again:" >&2
    echo "  apt-get install --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  sudo="sudo"
fi
echo "install-test-packages: installing ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
