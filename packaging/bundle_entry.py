"""The bundle's program (PyInstaller runs a script, not ``-m``): the same entry point as
the installed ``veilig-huisbezoek`` command."""

import sys

from veilig_huisbezoek.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
