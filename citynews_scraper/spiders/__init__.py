"""Scrapy spiders: navigation only. Everything page-shaped goes through `citynews_scraper.extract`."""
