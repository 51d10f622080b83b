from armstrace.cli import main

main()
