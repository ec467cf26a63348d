// A reading thread that cannot even start.
throw new Error('cannot load');
