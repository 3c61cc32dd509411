"""The anonymous consultation log: what a librarian records after helping a visitor at the desk.

This package owns the consultation record (`record`), the course pack's list of services, channels, age
bands and reasons (`catalog`, read from `consultations.yaml` in the pack), the privacy check of the free-text
note (`privacy`: nothing that looks like a taxpayer number, a document number, a phone, an e-mail or a card
number), and the pure aggregates over a log (`stats`: a month by service and outcome, and the desk outcomes
beside the training results on the module that teaches each service). No Qt, no database.
"""
