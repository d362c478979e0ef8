"""cstokit: helpers for a teaching kit on collective security treaties."""
__version__ = "0.1.0"
