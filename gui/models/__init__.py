"""Qt item models over core's pandas tables: adapters only, no analysis."""
