"""``python -m p3pd …`` sama dengan perintah ``p3pd …`` (berguna bila folder Scripts/bin belum ada di PATH, mis. di Windows)."""

import sys

from p3pd.cli import main

if __name__ == "__main__":
    sys.exit(main())
