// The whole client side of embedding Mutual: give <mutual-space> a way to get a fresh embed
// token from this intranet's server. The token stays in memory; it is never put in a URL.
const space = document.querySelector('mutual-space');
space.tokenProvider = async () => {
  const response = await fetch('/mutual-token', { method: 'POST', headers: { 'X-Requested-With': 'mutual' } });
  if (!response.ok) throw new Error(`the intranet refused a token (${response.status})`);
  return (await response.json()).token;
};
