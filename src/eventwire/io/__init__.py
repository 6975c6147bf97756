"""Reading input: files, folders, stdin, HTML pages, feeds and URLs into Articles."""
