// Talks to the engine's REST API. Reading needs nothing; stopping and re-running send the API
// token, which the user enters once in a dialog and the browser keeps in localStorage (see
// docs/api.md for why this and not a cookie).

const TOKEN_KEY = 'jxe.apiToken';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function parse(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, (body && body.error) || `HTTP ${response.status}`);
  }
  return body;
}

export async function getJson(path) {
  return parse(await fetch(path, { headers: { Accept: 'application/json' } }));
}

/** POSTs with the stored token; asks for one when there is none or it was refused. */
export async function postWithToken(path) {
  let token = localStorage.getItem(TOKEN_KEY);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (!token) {
      token = await askForToken(attempt > 0);
      if (!token) throw new ApiError(401, 'no API token given');
    }
    const response = await fetch(path, {
      method: 'POST',
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
    });
    if (response.status !== 401) {
      localStorage.setItem(TOKEN_KEY, token);
      return parse(response);
    }
    localStorage.removeItem(TOKEN_KEY);
    token = null;
  }
  throw new ApiError(401, 'the API token was refused');
}

/** Shows the page's token dialog; resolves with the token, or null when cancelled. */
function askForToken(refused) {
  const dialog = document.getElementById('token-dialog');
  const input = document.getElementById('token-input');
  document.getElementById('token-refused').hidden = !refused;
  input.value = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok' && input.value.trim() ? input.value.trim() : null);
    }, { once: true });
    dialog.showModal();
    input.focus();
  });
}
