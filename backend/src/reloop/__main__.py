from reloop.cli import main

main()
