#!/usr/bin/env bash
# Installs, where missing, the Debian packages that some tests use besides Java and Maven:
#   chromium, chromium-driver                       the report is opened in headless Chromium (ReportBrowserIT)
#   python3-nbconvert, -ipykernel, -pandas, -matplotlib   jobs/notebooks/themes.ipynb is executed (NotebookIT)
# Runs apt-get as root, or through sudo.
set -euo pipefail
packages=(chromium chromium-driver python3-nbconvert python3-ipykernel python3-pandas python3-matplotlib)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-test-packages: all present"
  exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
echo "install-test-packages: installing ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
