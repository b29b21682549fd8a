import sys

from isolet.cli.main import main

sys.exit(main())
