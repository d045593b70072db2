"""Where per-document stages run: in this process, in a process pool or (next wave) on Dask."""
