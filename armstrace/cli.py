"""The `armstrace` command: Django's management commands under the ArmsTrace settings.

    armstrace init | demo --items N | import FILE | export FILE | audit verify | projections rebuild | serve
    osint extract IN.jsonl --out OUT.jsonl (no database, no Django settings)
"""

import os
import sys


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    if args[:2] == ["osint", "extract"]:
        # Needs no database nor Django settings: skip Django altogether.
        from armstrace.osint.cli import main as extract_main

        sys.exit(extract_main(args[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "armstrace.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["armstrace", *args])


if __name__ == "__main__":
    main()
