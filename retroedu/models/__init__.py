"""Pure physiology and unit models: numbers in, numbers and limit codes out."""
