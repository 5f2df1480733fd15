"""Analysis of the stored events: weekly series per area and the spikes among them."""
