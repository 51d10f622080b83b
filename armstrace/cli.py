"""The `armstrace` command: Django's management commands under the ArmsTrace settings.

    armstrace init | demo --items N | import FILE | export FILE | audit verify | projections rebuild | serve
"""

import os
import sys


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "armstrace.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["armstrace", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
