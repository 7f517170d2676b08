from wegwijzer.cli import run

run()
