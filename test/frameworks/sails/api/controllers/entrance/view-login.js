module.exports = function viewLogin(_req, res) {
  return res.send(
    '<form method=post action=/login><input name=username><input type=password name=password>' +
      '<button>Sign in</button></form>',
  );
};
