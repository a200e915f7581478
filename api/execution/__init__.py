"""Running queries and jobs off the event loop: the worker pool with its lanes, limits and cancellation."""
