"""The central elder-care administration's side: ingest the share into a
consolidated database (``ingest``), city-wide statistics (``stats``), and
what it publishes back to the share (``publish``). Reports: ``xlsx``,
``summary_pdf``. The database's models are in app/models/central.py.
"""
