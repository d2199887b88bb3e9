from .commands.shortcut import main

main(prog_name="mediafeed")
