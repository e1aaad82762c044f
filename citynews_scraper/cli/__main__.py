import sys

from citynews_scraper.cli import main

sys.exit(main())
