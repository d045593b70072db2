"""Sources in, raw ``Document``s out: files, HTML, JSONL, feeds, WARC archives and URLs."""
