from transdesk.cli import main

main()
