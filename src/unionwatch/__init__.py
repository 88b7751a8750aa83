"""unionwatch: from reports of trade union rights violations to traceable facts, cases and action."""

__version__ = "0.1.0"
