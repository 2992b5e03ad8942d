// Never let an install step download a browser: kehoach drives an installed Chromium/Chrome/Edge.
module.exports = { skipDownload: true };
