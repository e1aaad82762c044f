"""The portal's pages, one module per template family (see `citynews_scraper.demo.render`)."""
