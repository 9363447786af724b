// Entry of branch-picker.quotes.js: hands the tariff layer to the main file that injected it.
import { quotesHook } from './hook.js';
import { quoteLayer } from './layer.js';

quotesHook()?.done(quoteLayer);
