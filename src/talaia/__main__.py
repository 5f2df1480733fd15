from talaia.cli import main

main()
