import sys

from unionwatch.cli import main

sys.exit(main())
