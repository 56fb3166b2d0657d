# Thin aliases: tasks.py does the work and needs nothing but python3.
.PHONY: run test bench setup
run:
	python3 tasks.py run
test:
	python3 tasks.py test
bench:
	python3 tasks.py bench
setup:
	python3 tasks.py setup
