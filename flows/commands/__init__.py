"""One module per `wirehouse` subcommand (registered in flows/cli.py)."""
