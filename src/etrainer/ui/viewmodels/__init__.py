"""View-models: QObjects that call services and emit what the widgets show."""
