// Every test process composes Baton's modules first, as every entry point of the product does.
import '../src/app/modules.ts';
