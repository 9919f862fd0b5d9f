"""What several test modules share, one module per concept; no test module imports another."""
