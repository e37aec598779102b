"""Orders: the state machine, who may move an order, timed transitions and payment capture."""
