// Small DOM helpers: every value from the API goes in as text, never as HTML.

export function el(tag, properties = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) {
    if (name === 'dataset') {
      Object.assign(element.dataset, value);
    }
    else if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    }
    else {
      element[name] = value;
    }
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

// Unknown is null, never 0: shown as a dash
export function number(value) {
  return value === null || value === undefined ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

export function showError(failure) {
  const message = document.getElementById('message');
  message.textContent = failure.message;
  message.hidden = false;
}

export function clearError() {
  document.getElementById('message').hidden = true;
}
