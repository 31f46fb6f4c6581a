# Host unit tests: the image's portable parts built natively with ASan and UBSan.
.PHONY: host-test
host-test:
	@echo "host-test: none yet"
