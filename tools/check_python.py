"""Stop early, with the fix, when the Python running `make` is too old.

Written with syntax any Python 3 can parse, so the message reaches the user.
"""

import sys

NEEDED = (3, 11)

if sys.version_info < NEEDED:
    found = ".".join(str(p) for p in sys.version_info[:3])
    # %-formatting, not f-strings: this file must parse on any Python 3.
    sys.stderr.write(
        "cstokit needs Python %d.%d or newer; `%s` is Python %s.\n"
        "Install a newer Python (python.org, your package manager, or conda:\n"
        "`conda env create -f environment.yml`), then run make with it:\n"
        "    make lab PYTHON=python3.11\n" % (NEEDED[0], NEEDED[1], sys.executable, found)
    )
    sys.exit(1)
